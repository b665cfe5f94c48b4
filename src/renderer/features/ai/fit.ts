import type { z } from 'zod';
import type { fitRatingSchema } from '../../../shared/contract/llm-admin';

/** green: runs comfortably; yellow: tight on memory; red: will not run well here. */
export type FitRating = z.infer<typeof fitRatingSchema>;
