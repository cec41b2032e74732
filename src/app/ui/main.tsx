import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import '#src/shared/ui/styles.css';
import '#src/shared/i18n/zod-fr.ts';
import { router } from '#src/app/ui/router.tsx';

// Installs the app on the device so it opens without network (docs/decisions/022); not in development.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
