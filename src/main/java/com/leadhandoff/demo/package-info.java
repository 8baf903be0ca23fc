/**
 * The {@code demo} profile: demo users in every role (reps in two sales teams, a sales manager, a marketer,
 * a process owner, an administrator) and about fifty demo leads taken through the real capture path and
 * into varied stages, so Tasklist and Cockpit show something real on first start. Never for production.
 */
package com.leadhandoff.demo;
