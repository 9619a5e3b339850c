/**
 * Imported by `./pg-module.ts` just before `pg`: on load, pg's `lib/stream.js` asks whether it
 * runs in Cloudflare Workers, and without a global `navigator` (Node 20 has none) it probes with
 * `new Response(...)`, which loads Node's whole fetch implementation (undici): about 20 ms, half
 * of pg's load time. This module defines a `navigator` saying "not Cloudflare" when there is
 * none, and `restoreNavigator` removes it again right after pg has loaded.
 */
const global = globalThis as { navigator?: unknown };
const stubbed = global.navigator === undefined;
if (stubbed) global.navigator = { userAgent: 'Node.js' };

/** Removes the `navigator` this module defined (nothing when one existed already). */
export function restoreNavigator(): void {
  if (stubbed) delete global.navigator;
}
