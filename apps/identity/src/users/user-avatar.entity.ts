import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A user's avatar image, checked by type and size before it is stored. */
@Entity('user_avatars')
export class UserAvatar {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'bytea' })
  data: Buffer;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
