// UI strings of the commune area; keys start with "commune.".
import { defineMessages } from "./define-messages";

export const communeMessages = defineMessages({}, {});
