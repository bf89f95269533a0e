// UI strings of the methodology area; keys start with "methodology.".
import { defineMessages } from "./define-messages";

export const methodologyMessages = defineMessages({}, {});
