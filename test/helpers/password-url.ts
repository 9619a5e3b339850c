import { parseUrl } from '../../src/index.js';
import type { DialectContext } from './databases.js';

/** A password no message may ever show. */
export const SECRET = 'hunter22-Secret';

/**
 * The URL of a fresh database that logs in with {@link SECRET} as its password: PostgreSQL's trust
 * auth accepts any password; on MySQL a user with that password is created (dropped with
 * `cleanup`). SQLite URLs have no password: the URL is returned as is.
 */
export async function urlWithPassword(ctx: DialectContext, label: string): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const fresh = parseUrl(await ctx.freshUrl(label));
  if (ctx.dialect === 'sqlite') return { url: fresh.toUnmaskedString(), cleanup: async () => undefined };
  if (ctx.dialect === 'postgresql') return { url: fresh.with({ password: SECRET }).toUnmaskedString(), cleanup: async () => undefined };
  const user = `rt_user_${process.pid}_${label}`.slice(0, 32);
  await ctx.adminExecute(`CREATE USER '${user}'@'%' IDENTIFIED BY '${SECRET}'`);
  await ctx.adminExecute(`GRANT ALL ON \`${fresh.database}\`.* TO '${user}'@'%'`);
  return {
    url: fresh.with({ username: user, password: SECRET }).toUnmaskedString(),
    cleanup: async () => void (await ctx.adminExecute(`DROP USER IF EXISTS '${user}'@'%'`)),
  };
}
