// `./bin/motcua emulator sso`: the national SSO / VNeID emulator as its own server.
import type { Command } from 'commander';
import type { Config } from '../../config.ts';

export function registerSsoEmulatorCommand(emulator: Command, config: () => Config): void {
  emulator
    .command('sso')
    .description('run the national SSO / VNeID emulator (OpenID Connect provider) standalone')
    .option('--port <port>', 'port', '4001')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--issuer <url>', 'issuer URL (default http://localhost:<port>)')
    .option('--relying-party <url...>', 'base URL of a motcua allowed to log in (redirect <url>/auth/callback)', ['http://localhost:3000'])
    .action(async (opts: { port: string; host: string; issuer?: string; relyingParty: string[] }) => {
      const cfg = config();
      const { startStandaloneSsoEmulator } = await import('./index.ts');
      const { issuer } = await startStandaloneSsoEmulator({
        port: Number(opts.port),
        host: opts.host,
        issuer: opts.issuer,
        relyingParties: opts.relyingParty.map((u) => u.replace(/\/$/, '')),
        config: cfg,
        logLevel: cfg.LOG_LEVEL,
      });
      process.stdout.write(
        `SSO emulator: issuer ${issuer}\n` +
          `motcua: OIDC_ISSUER=${issuer} OIDC_CLIENT_ID=${cfg.SSO_EMULATOR_CLIENT_ID} OIDC_CLIENT_SECRET=${cfg.SSO_EMULATOR_CLIENT_SECRET}\n` +
          `demo password: ${cfg.SSO_EMULATOR_DEMO_PASSWORD}\n`,
      );
    });
}
