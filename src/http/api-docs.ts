// The API reference at /api/docs: Swagger UI (served from node_modules by @fastify/swagger-ui,
// no CDN, script-src 'self') with a theme that makes it accessible: contrast of the web app's
// colours (a11y.css) and names for the controls Swagger UI leaves unnamed (a11y.js). No topbar
// (its logo and URL box are for a public petstore, not for this server), no deep-link anchors
// nested inside the operation buttons.
import { readFileSync } from 'node:fs';
import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';

const asset = (name: string) => readFileSync(new URL(`./api-docs/${name}`, import.meta.url), 'utf8');

export function apiDocsOptions(): FastifySwaggerUiOptions {
  return {
    routePrefix: '/api/docs',
    staticCSP: false,
    uiConfig: {
      layout: 'BaseLayout',
      deepLinking: false,
      docExpansion: 'list',
      defaultModelsExpandDepth: -1,
    },
    theme: {
      title: 'motcua API',
      css: [{ filename: 'a11y.css', content: asset('a11y.css') }],
      js: [{ filename: 'a11y.js', content: asset('a11y.js') }],
    },
  };
}
