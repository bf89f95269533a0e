// UI strings of the quality area; keys start with "quality.".
import { defineMessages } from "./define-messages";

export const qualityMessages = defineMessages({}, {});
