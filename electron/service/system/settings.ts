import type { Settings } from '../../../shared/domain/system';
import type { ShardStore } from '../store/shard-store';
import { settingsShard } from '../store/shards';

/**
 * The one writer of the settings file: the updateSettings handler (what the BRM sets) and the shell
 * (window bounds, the last export folder) both merge their changes into the stored settings here, so
 * neither can drop what the other wrote.
 */
export function changeSettings(store: ShardStore, changes: Partial<Settings>): Settings {
  return store.put(settingsShard, null, { ...store.get(settingsShard), ...changes });
}
