import { Entity } from 'typeorm';
import { ProfileColumns } from '@app/role-store/stored-columns';

/** A named security profile; users hold profiles by name, which tickets matches (DESIGN.md section 6). */
@Entity('security_profiles')
export class SecurityProfile extends ProfileColumns {}
