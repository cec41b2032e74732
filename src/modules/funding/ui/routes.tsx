import type { RouteObject } from 'react-router';

/** The pages of this module, mounted inside the signed-in shell. */
export const fundingPages: RouteObject[] = [];
