import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FieldAction } from '@app/acl';
import { errorBody, SUITE_ACL } from '@app/contracts';
import { map, Observable } from 'rxjs';
import { AuthenticatedRequest } from '../auth/principal';
import { ACCESS_REQUIREMENT, AccessRequirement } from './requirement-metadata';
import { AccessPolicy } from './access-policy';

const WRITE_FIELD_ACTION: Record<string, FieldAction> = { POST: 'CREATE', PUT: 'EDIT', PATCH: 'EDIT' };

/**
 * Field-level ACL on every entity route (RequirePermission applies it): writing a field the subject may not create or edit is a
 * 403 naming it (before any service is called), and fields it may not view are removed from every
 * answer, single records and `items` of lists alike. Only the entity's catalogue fields are judged.
 */
@Injectable()
export class FieldAccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly policy: AccessPolicy,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const requirement = this.reflector.getAllAndOverride<AccessRequirement>(ACCESS_REQUIREMENT, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const entity = requirement?.kind === 'entity' ? SUITE_ACL.entity(requirement.entity) : undefined;
    if (!entity || !request.user) return next.handle();
    const subject = this.policy.subjectOf(request.user);
    const writeAction = WRITE_FIELD_ACTION[request.method];
    if (writeAction && isObject(request.body)) {
      const written = Object.keys(request.body).filter((field) => entity.fieldIndex.has(field));
      const denied = subject.deniedFields(entity.name, writeAction, written);
      if (denied.length) {
        const problems = denied.map((field) => ({ field, messages: [`you may not ${writeAction.toLowerCase()} ${entity.name}.${field}`] }));
        throw new HttpException(errorBody(403, `Access denied to field ${denied.join(', ')}.`, 'FIELD_ACCESS_DENIED', problems), 403);
      }
    }
    const hidden = entity.fields.filter((field) => !subject.canField(entity.name, field, 'VIEW'));
    if (hidden.length === 0) return next.handle();
    return next.handle().pipe(map((body) => stripFields(body, hidden)));
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const withoutFields = (record: Record<string, unknown>, hidden: string[]) => {
  const copy = { ...record };
  for (const field of hidden) delete copy[field];
  return copy;
};

/** A record, an array of records, or a `{ items, total }` page. */
export function stripFields(body: unknown, hidden: string[]): unknown {
  if (Array.isArray(body)) return body.map((item) => (isObject(item) ? withoutFields(item, hidden) : item));
  if (!isObject(body)) return body;
  if (Array.isArray(body.items)) return { ...body, items: stripFields(body.items, hidden) };
  return withoutFields(body, hidden);
}
