import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AclScope } from '@app/acl';
import { ExportChunk, ExportJobView, ExportRefDto, ReadExportDto, RpcActor, StartExportDto } from '@app/contracts';
import { ServiceError } from '@app/service-kit';
import { idempotentCreate, KeyedRequest } from '@app/service-kit/database';
import { open } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { ExportJob, ExportJobsRepository, toJobView } from './export-jobs.repository';
import { ExportRunner } from './export-runner';

/**
 * OroCRM's "Export" on All Users: a job that writes a CSV in the background and is then downloadable,
 * by its requester only. The job holds the requester's User VIEW scope at request time.
 */
@Injectable()
export class ExportsService {
  private readonly jobs: ExportJobsRepository;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: ExportRunner,
  ) {
    this.jobs = new ExportJobsRepository(dataSource);
  }

  async create(dto: StartExportDto, actor: RpcActor | null, scope: AclScope | undefined, request: KeyedRequest): Promise<ExportJobView> {
    if (!actor) throw new ServiceError(401, 'An export needs a requester to mail when it is done.', 'NOT_AUTHENTICATED');
    // The gateway refuses a requester without User VIEW; a call without a scope is refused here too.
    if (!scope || scope.level === 'NONE') {
      throw new ServiceError(403, 'Access denied: this needs VIEW on User.', 'ACCESS_DENIED', { missing: { entity: 'User', action: 'VIEW' } });
    }
    const insert = { entity: dto.entity, requestedBy: actor.userId, scope, includePasswordHashes: dto.includePasswordHashes };
    // A keyed retry answers the first job (as it was then) and starts no second export.
    const { value: job, replayed } = await this.dataSource.transaction((manager) =>
      idempotentCreate(manager, request, async () => toJobView(await new ExportJobsRepository(manager).insert(insert))),
    );
    if (!replayed) this.runner.enqueue(job.id);
    return job;
  }

  async get(ref: ExportRefDto, actor: RpcActor | null): Promise<ExportJobView> {
    return toJobView(await this.visible(ref, actor));
  }

  /** One chunk of a finished file, base64 (RPC carries JSON); the gateway asks until it has sizeBytes. */
  async read(ref: ReadExportDto, actor: RpcActor | null): Promise<ExportChunk> {
    const job = await this.visible(ref, actor);
    if (job.status !== 'DONE' || !job.filePath || job.sizeBytes === null) {
      throw new ServiceError(409, `Export ${job.id} is ${job.status}; its file is there once it is DONE.`, 'EXPORT_NOT_READY');
    }
    if (ref.offset > job.sizeBytes) throw ServiceError.badInput([{ field: 'offset', messages: [`offset is past the end of the file (${job.sizeBytes} bytes)`] }]);
    const buffer = Buffer.alloc(Math.min(ref.length, job.sizeBytes - ref.offset));
    const file = await open(job.filePath, 'r').catch(() => {
      throw new ServiceError(404, `The file of export ${job.id} is no longer there; run the export again.`, 'EXPORT_FILE_GONE');
    });
    try {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, ref.offset);
      return { data: buffer.subarray(0, bytesRead).toString('base64'), sizeBytes: job.sizeBytes };
    } finally {
      await file.close();
    }
  }

  /** Only the requester sees a job; to anyone else it does not exist (the same 404 as an unknown id). */
  private async visible(ref: ExportRefDto, actor: RpcActor | null): Promise<ExportJob> {
    const job = await this.jobs.find(ref.exportId);
    if (!job || !actor || job.requestedBy !== actor.userId) throw ServiceError.notFound(`export ${ref.exportId}`);
    return job;
  }
}
