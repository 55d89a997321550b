import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compileSubject, explainAccess, explainCapability, whoCanSee } from '@app/acl';
import { CapabilityExplainView, ExplainCapabilityQueryDto, ExplainQueryDto, ExplainView, RpcActor, WhoCanSeeQueryDto, WhoCanSeeView } from '@app/contracts';
import { ServiceError } from '@app/service-kit';
import { DataSource } from 'typeorm';
import { ActorAccess } from '../access/actor-access.service';
import { audienceCandidates } from './audience';
import { isIdentityRecordEntity, loadExplainedRecord } from './explain-records';

/**
 * DESIGN.md section 3 "Explain", for identity's entities: the caller's own access explained from its
 * session's roles, and the users whose roles reach a record. A record the caller may not VIEW is a
 * 404, exactly like a record that does not exist, so neither answer tells what lies outside.
 */
@Injectable()
export class ExplainService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ActorAccess,
  ) {}

  async explain(actor: RpcActor | null, query: ExplainQueryDto): Promise<ExplainView> {
    const subject = await this.access.explainSubjectOf(actor);
    const { entity, action, recordId } = query;
    if (recordId === undefined) return { ...explainAccess(subject, entity, action), roleSource: 'identity', recordId: null };
    if (!isIdentityRecordEntity(entity)) throw noRecordsOf(entity);
    const db = this.dataSource.manager;
    const visible = await loadExplainedRecord(db, entity, recordId, 'VIEW');
    if (!visible || !explainAccess(subject, entity, 'VIEW', visible).allowed) throw ServiceError.notFound(`${entity} ${recordId}`);
    const record = action === 'VIEW' ? visible : await loadExplainedRecord(db, entity, recordId, action);
    return { ...explainAccess(subject, entity, action, record!), roleSource: 'identity', recordId };
  }

  async explainCapability(actor: RpcActor | null, query: ExplainCapabilityQueryDto): Promise<CapabilityExplainView> {
    return { ...explainCapability(await this.access.explainSubjectOf(actor), query.capability), roleSource: 'identity' };
  }

  /** Only users inside the caller's User VIEW scope are named; the record must be in its VIEW scope. */
  async whoCanSee(actor: RpcActor | null, query: WhoCanSeeQueryDto): Promise<WhoCanSeeView> {
    const { entity, recordId } = query;
    if (!isIdentityRecordEntity(entity)) throw noRecordsOf(entity);
    const subject = await this.access.explainSubjectOf(actor);
    const userScope = compileSubject(subject.catalogue, subject.roles, subject.context, subject.tree).scope('User', 'VIEW');
    if (userScope.level === 'NONE') throw new ServiceError(403, 'Access denied: this needs VIEW on User.', 'ACCESS_DENIED', { missing: { entity: 'User', action: 'VIEW' } });
    const db = this.dataSource.manager;
    const record = await loadExplainedRecord(db, entity, recordId, 'VIEW');
    if (!record || !explainAccess(subject, entity, 'VIEW', record).allowed) throw ServiceError.notFound(`${entity} ${recordId}`);
    const { candidates, usernames } = await audienceCandidates(db, userScope);
    const items = whoCanSee(candidates, entity, record).map((member) => ({ ...member, username: usernames.get(member.userId)! }));
    return { entity, recordId, action: 'VIEW', roleSource: 'identity', items, total: items.length };
  }
}

const noRecordsOf = (entity: string): ServiceError =>
  ServiceError.badInput([{ field: 'recordId', messages: [`records of ${entity} cannot be explained here; leave recordId out to explain the entity`] }]);
