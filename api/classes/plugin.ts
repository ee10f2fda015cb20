/** Training classes and enrolment: the institution's classes, the catalogue, and a person's enrolments. */
import type { Plugin } from '@hapi/hapi';
import { catalogueRoute, getClassRoute } from './catalogue.route.js';
import { cancelEnrolmentRoute, enrolRoute, myEnrolmentsRoute } from './enrol.route.js';
import { closeClassRoute, completeClassRoute, createClassRoute, openClassRoute } from './manage.route.js';
import { enrolmentHistoryRoute } from './history.route.js';

export const classesPlugin: Plugin<void> = {
  name: 'jxjy-classes',
  register(server) {
    server.route(createClassRoute);
    server.route(openClassRoute);
    server.route(closeClassRoute);
    server.route(completeClassRoute);
    server.route(catalogueRoute);
    server.route(getClassRoute);
    server.route(enrolRoute);
    server.route(cancelEnrolmentRoute);
    server.route(myEnrolmentsRoute);
    server.route(enrolmentHistoryRoute);
  },
};
