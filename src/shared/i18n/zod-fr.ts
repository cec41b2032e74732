import { z } from 'zod';

// zod's own checks (types, formats) speak French too, on the server and in the browser.
z.config(z.locales.fr());
