/**
 * Sites and their area tree (building &gt; hall &gt; cage): persistence, rules (an area's parent lies in the same
 * site, no cycles), the policy settings that live on them (a site's threat level, lockdown and escort rule; an
 * area's restriction, lockdown, anti-passback and two-person rule), a site's public holidays, and the
 * {@code /api/v1/sites} and {@code /api/v1/areas} endpoints. A site's time zone is the zone its schedules are
 * evaluated in. Lockdown and threat-level changes are supervisor actions, recorded as operator events.
 */
package dev.warden.controller.site;
