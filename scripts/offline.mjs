// A phone without a connection, for the e2e tests and the benchmark.
// Chromium's offline emulation (Playwright's `setOffline`) does not reach a
// service worker's own fetches in every version (Debian's Chromium 148 lets
// them through to the server), so while offline every request that reaches
// the network is also refused, as a phone without a connection refuses it.

/** Takes a browser context offline, or back online. */
export async function setOffline(ctx, offline) {
  await ctx.setOffline(offline);
  if (offline) await ctx.route('**/*', refuse);
  else await ctx.unroute('**/*', refuse);
}
const refuse = (route) => route.abort('internetdisconnected');
