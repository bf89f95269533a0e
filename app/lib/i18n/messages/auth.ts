// UI strings of the auth area; keys start with "auth.".
import { defineMessages } from "./define-messages";

export const authMessages = defineMessages({}, {});
