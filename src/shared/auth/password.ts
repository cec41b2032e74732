import { hash, verify, type Algorithm } from '@node-rs/argon2';

// argon2id with OWASP's minimum profile: 19 MiB, 2 passes, 1 lane (about 15 ms here).
const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id (a const enum, not importable as a value)
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export const verifyPassword = ({ hash: digest, password }: { hash: string; password: string }): Promise<boolean> =>
  verify(digest, password).catch(() => false);

export const MIN_PASSWORD_LENGTH = 12;
