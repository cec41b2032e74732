import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import '#src/shared/ui/styles.css';
import '#src/shared/i18n/zod-fr.ts';
import { router } from '#src/app/ui/router.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
