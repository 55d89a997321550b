import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC } from '@app/service-kit';
import { ACCESS_REQUIREMENT, AccessRequirement } from './access-requirement';

export interface RouteDeclaration {
  route: string;
  controller: string;
  handler: string;
  access: AccessRequirement | 'public' | null;
}

/** Controllers served outside the /api prefix (main.ts excludes them): probes and metrics. */
const UNPREFIXED = new Set(['health', 'metrics']);

const join = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;

/** Every route of the given controllers with what it declares (null: nothing, a bug). */
export function listRouteDeclarations(controllers: Type<unknown>[], prefix = 'api'): RouteDeclaration[] {
  return controllers.flatMap((controller) => {
    const base: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
    const classPublic = Reflect.getMetadata(IS_PUBLIC, controller) === true;
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor' && typeof prototype[name] === 'function')
      .filter((name) => Reflect.getMetadata(PATH_METADATA, prototype[name] as object) !== undefined)
      .map((name) => {
        const handler = prototype[name] as object;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const path: string = Reflect.getMetadata(PATH_METADATA, handler);
        const isPublic = classPublic || Reflect.getMetadata(IS_PUBLIC, handler) === true;
        const requirement: AccessRequirement | undefined = Reflect.getMetadata(ACCESS_REQUIREMENT, handler);
        const route = `${method} ${UNPREFIXED.has(base) ? join(base, path) : join(prefix, base, path)}`;
        return { route, controller: controller.name, handler: name, access: isPublic ? 'public' : (requirement ?? null) };
      });
  });
}

/** Refuses to start a gateway with a route that declares nothing (deny by default, loudly). */
export function assertEveryRouteDeclares(controllers: Type<unknown>[]): void {
  const open = listRouteDeclarations(controllers).filter((r) => r.access === null);
  if (open.length) {
    throw new Error(`routes without a declared permission or @Public(): ${open.map((r) => `${r.route} (${r.controller}.${r.handler})`).join(', ')}`);
  }
}
