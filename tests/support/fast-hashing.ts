// Vitest setup (vitest.config.ts `setupFiles`): hash passwords at a low scrypt cost, so the hundreds of
// hashes the tests make stay fast. Production's cost (PRODUCTION_SCRYPT, N=2^17) is what servers started as
// processes use, and what tests/auth/password-hashing.test.ts and the sign-in timing test set back and
// check. A hash made here says its cost (N=4096), so nothing depends on the lower value by accident.
import { setScryptParamsForTests } from "../../server/auth/secrets.ts";

/** The cost the test suite hashes at: 4 MiB and a few milliseconds per hash. */
export const TEST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };

setScryptParamsForTests(TEST_SCRYPT);
