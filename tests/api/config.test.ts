import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../api/config.ts';

describe('embedded replica settings', () => {
  it('makes DATABASE_URL a replica of DATABASE_SYNC_URL, syncing every second unless told otherwise', () => {
    expect(readConfig({}).databaseSync).toBeNull();
    const replica = { DATABASE_URL: 'file:./data/replica.db', DATABASE_SYNC_URL: 'libsql://comments-db.example.com' };
    expect(readConfig(replica).databaseSync).toEqual({ url: 'libsql://comments-db.example.com', intervalSeconds: 1 });
    expect(readConfig({ ...replica, DATABASE_SYNC_INTERVAL: '0.5' }).databaseSync).toEqual({ url: 'libsql://comments-db.example.com', intervalSeconds: 0.5 });
    expect(readConfig({ ...replica, DATABASE_SYNC_URL: 'https://db.example.com:8080' }).databaseSync?.url).toBe('https://db.example.com:8080');
  });

  it('says what is wrong with a replica setting', () => {
    const sync = 'libsql://comments-db.example.com';
    expect(() => readConfig({ DATABASE_SYNC_URL: sync })).toThrow(/DATABASE_URL names the local replica's file, such as file:/);
    expect(() => readConfig({ DATABASE_URL: 'libsql://other.example.com', DATABASE_SYNC_URL: sync })).toThrow(/not "libsql:\/\/other.example.com"/);
    expect(() => readConfig({ DATABASE_URL: 'file::memory:', DATABASE_SYNC_URL: sync })).toThrow(ConfigError);
    expect(() => readConfig({ DATABASE_URL: 'file:r.db', DATABASE_SYNC_URL: 'comments-db.example.com' })).toThrow(/DATABASE_SYNC_URL must be the libSQL server/);
    expect(() => readConfig({ DATABASE_URL: 'file:r.db', DATABASE_SYNC_URL: 'file:other.db' })).toThrow(/DATABASE_SYNC_URL must be/);
    expect(() => readConfig({ DATABASE_URL: 'file:r.db', DATABASE_SYNC_URL: sync, DATABASE_SYNC_INTERVAL: 'often' })).toThrow(/DATABASE_SYNC_INTERVAL must be a number of seconds/);
    expect(() => readConfig({ DATABASE_URL: 'file:r.db', DATABASE_SYNC_URL: sync, DATABASE_SYNC_INTERVAL: '0' })).toThrow(/0.1 to 3600/);
    expect(() => readConfig({ DATABASE_SYNC_INTERVAL: '5' })).toThrow(/only applies to an embedded replica/);
  });
});

describe('the read cache setting', () => {
  it('takes megabytes, 64 by default, 0 for none', () => {
    expect(readConfig({}).readCacheBytes).toBe(64 * 1024 * 1024);
    expect(readConfig({ PARLEY_CACHE_MB: '0' }).readCacheBytes).toBe(0);
    expect(readConfig({ PARLEY_CACHE_MB: '1.5' }).readCacheBytes).toBe(1.5 * 1024 * 1024);
    expect(() => readConfig({ PARLEY_CACHE_MB: 'lots' })).toThrow(/PARLEY_CACHE_MB must be a number of megabytes/);
    expect(() => readConfig({ PARLEY_CACHE_MB: '-1' })).toThrow(ConfigError);
  });
});
