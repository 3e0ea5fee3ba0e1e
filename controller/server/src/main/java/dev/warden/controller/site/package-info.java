/**
 * Sites and their area tree (building &gt; hall &gt; cage): persistence, rules (an area's parent lies in the same
 * site, no cycles) and the {@code /api/v1/sites} and {@code /api/v1/areas} endpoints. A site's time zone is the
 * zone its schedules are evaluated in.
 */
package dev.warden.controller.site;
