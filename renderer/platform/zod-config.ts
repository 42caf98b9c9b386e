import { z } from 'zod';

// The CSP forbids eval, so zod's compiled fast path is unavailable in the page anyway; without this,
// zod probes with `new Function` and every start reports a CSP violation. Imported first by main.tsx,
// because each schema reads the setting when it is built.
z.config({ jitless: true });
