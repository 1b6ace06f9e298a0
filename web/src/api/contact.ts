import type { OrderView } from './types';

/**
 * The query a request about this order carries: unless the person already chose to see the contact
 * (the view shows it), ask for it masked, so nothing is revealed — nor recorded in the audit — by a mere look.
 */
export const contactQuery = (order?: Pick<OrderView, 'contactVisible'> | null) => (order?.contactVisible ? '' : '?contact=masked');
