import type { ActivityView } from '../api/activities';
import type { useAction } from './useAction';

/** What the activity page hands its cards: the activity, the runner of the screen's writes (one at a time), and a POST that refreshes the page. */
export type ActivityPost = (action: string, body: unknown) => () => Promise<void>;
export interface ActivityProps { activity: ActivityView; run: ReturnType<typeof useAction>['run']; post: ActivityPost }
