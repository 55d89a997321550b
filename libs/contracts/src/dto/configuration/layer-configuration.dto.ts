import { IsUUID } from 'class-validator';
import { UserConfigurationDto } from './configuration.dto';

/**
 * RPC payload of `PUT /api/organizations/:id/configuration` and `PUT /api/roles/:id/configuration`:
 * the layer's values, checked by the same rules as a user's; a key left out is not set by the layer.
 */
export class PutLayerConfigurationPayloadDto extends UserConfigurationDto {
  @IsUUID()
  id: string;
}
