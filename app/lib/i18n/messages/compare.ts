// UI strings of the compare area; keys start with "compare.".
import { defineMessages } from "./define-messages";

export const compareMessages = defineMessages({}, {});
