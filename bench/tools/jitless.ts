/** Zod as the app's page runs it: without `new Function` (imported first, before any schema is made). */
import { z } from 'zod';

z.config({ jitless: true });
