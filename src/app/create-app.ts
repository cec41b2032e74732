import { serveStatic } from '@hono/node-server/serve-static';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { requestId } from 'hono/request-id';
import { except } from 'hono/combine';
import { secureHeaders } from 'hono/secure-headers';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor } from '#src/shared/auth/actor.ts';
import { AppError } from '#src/shared/errors.ts';
import { access } from '#src/shared/http/access.ts';
import type { AppDeps } from '#src/shared/http/env.ts';
import { createRouter } from '#src/shared/http/route.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import '#src/shared/i18n/zod-fr.ts';
import { createPlatform } from '#src/modules/platform/index.ts';
import { createPeopleRoutes } from '#src/modules/people/index.ts';
import { createReferralRoutes } from '#src/modules/referrals/index.ts';
import { createPathwayRoutes } from '#src/modules/pathways/index.ts';
import { createCaseReviewRoutes } from '#src/modules/case-reviews/index.ts';
import { createNotificationRoutes } from '#src/modules/notifications/index.ts';
import { createObservatoryRoutes } from '#src/modules/observatory/index.ts';
import { createAssessmentRoutes } from '#src/modules/assessments/index.ts';
import { createHousingRoutes } from '#src/modules/housing/index.ts';
import { createResidenceRoutes } from '#src/modules/residences/index.ts';
import { createApplicationRoutes } from '#src/modules/applications/index.ts';
import { createOfferRoutes } from '#src/modules/offers/index.ts';
import { createCatalogueRoutes } from '#src/modules/catalogue/index.ts';
import { createTrialRoutes } from '#src/modules/trials/index.ts';
import { createRecommendationRoutes } from '#src/modules/recommendations/index.ts';
import { createFundingRoutes } from '#src/modules/funding/index.ts';
import { createFormRoutes, isAttachmentUpload } from '#src/modules/forms/index.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
const distDir = fileURLToPath(new URL('../../dist', import.meta.url));

/** Composes the HTTP application: kernel middleware, every module's routes, the SPA. */
export function createApp(deps: AppDeps, options: { authSecret: string }) {
  const app = createRouter();
  const platform = createPlatform(deps, options.authSecret);
  const behindTls = deps.config.publicUrl.startsWith('https://');

  app.use('*', requestId({ headerName: 'X-Request-Id' }));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // blob: shows a photo kept on the device before it is sent.
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: behindTls ? 'max-age=63072000; includeSubDomains' : false,
      xFrameOptions: 'DENY',
      xContentTypeOptions: 'nosniff',
      referrerPolicy: 'same-origin',
    }),
  );
  // Attachment uploads (up to 10 MB) enforce their own limit per kind while reading the body.
  app.use(
    '/api/*',
    except(
      (c) => isAttachmentUpload(c.req.method, c.req.path),
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: () => {
          throw new AppError('payload_too_large');
        },
      }),
    ),
  );
  app.use(
    '/api/*',
    csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === deps.config.publicUrl }),
  );
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    let pending: Promise<Actor | null> | undefined;
    c.set('loadActor', () => (pending ??= platform.loadActor(c.req.raw.headers)));
    await next();
  });

  app.get('/api/health', access('public'), (c) => c.json({ status: 'ok' }));
  platform.mount(app);
  createPeopleRoutes(app);
  createReferralRoutes(app);
  createPathwayRoutes(app);
  createCaseReviewRoutes(app);
  createNotificationRoutes(app);
  createObservatoryRoutes(app);
  createAssessmentRoutes(app);
  createFormRoutes(app);
  createHousingRoutes(app);
  createResidenceRoutes(app);
  createApplicationRoutes(app);
  createOfferRoutes(app);
  createCatalogueRoutes(app);
  createTrialRoutes(app);
  createRecommendationRoutes(app);
  createFundingRoutes(app);
  app.get('/api/openapi.json', access('public'), (c) =>
    c.json(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: 'Demeure API', version: '0.1.0', description: messages.app.tagline },
      }),
    ),
  );
  app.all('/api/*', access('public'), () => {
    throw new AppError('not_found');
  });

  if (existsSync(distDir)) {
    app.use('/assets/*', async (c, next) => {
      await next();
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    // Browsers look for a new service worker on each visit; it must never come from a stale HTTP cache.
    app.use('/sw.js', async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-cache');
    });
    app.get('*', access('public'), serveStatic({ root: distDir }));
    app.get('*', access('public'), serveStatic({ root: distDir, path: 'index.html' }));
  }

  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') {
      deps.log.error('unhandled error', {
        requestId: c.var.requestId,
        path: c.req.path,
        error: String(error),
        stack: error.stack,
      });
    }
    return c.json(appError.toBody(), appError.status as 400);
  });

  return { app, platform };
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 400) return new AppError('bad_request', { message: messages.errors.malformedJson });
    if (error.status === 403) return new AppError('forbidden');
    if (error.status === 413) return new AppError('payload_too_large');
  }
  return new AppError('internal', { cause: error });
}

export type App = ReturnType<typeof createApp>['app'];
