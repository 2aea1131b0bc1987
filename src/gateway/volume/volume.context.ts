import type { InPlace } from '../fsx/placed';
import type { VolumeService } from './volume.service';

/** What the volume resolver needs of the request context. */
export interface VolumeContext {
  volumes: InPlace<Pick<VolumeService, 'get'>>;
}
