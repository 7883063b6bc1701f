/* app.js: small conveniences on top of pages that work without it. */
"use strict";

document.addEventListener("DOMContentLoaded", function () {
	/* after a failed save, move the focus to the first field with an error so keyboard and screen reader users land there */
	var firstInvalid = document.querySelector("[aria-invalid='true']");
	if (firstInvalid) {
		firstInvalid.focus();
	}
});
