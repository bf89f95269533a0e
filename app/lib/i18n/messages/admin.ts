// UI strings of the admin area; keys start with "admin.".
import { defineMessages } from "./define-messages";

export const adminMessages = defineMessages({}, {});
