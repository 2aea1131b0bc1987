import type { InRegion } from '../fsx/fsx-regions';
import type { VolumeService } from './volume.service';

/** What the volume resolver needs of the request context. */
export interface VolumeContext {
  volumes: InRegion<Pick<VolumeService, 'get'>>;
}
