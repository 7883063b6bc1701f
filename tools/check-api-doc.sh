#!/bin/sh
# check-api-doc.sh: fails when an API route of src/http/routes.def is missing from docs/api.md.
set -eu
cd "$(dirname "$0")/.."
missing=0
checked=0
routes=$(sed -n 's/^\(SLOW_\)\{0,1\}ROUTE(\([A-Z]*\), "\([^"]*\)", [a-z_]*, [A-Z_]*, [A-Z_]*, [A-Z_]*, KIND_API)\( \/\*.*\*\/\)\{0,1\}$/\2 \3/p' src/http/routes.def)
[ -n "$routes" ] || { echo "check-api-doc: no API routes found in routes.def" >&2; exit 1; }
echo "$routes" | {
	while read -r method path; do
		short=${path#/api/v1/orgs/\{org\}}
		checked=$((checked + 1))
		if ! grep -qF "| $method | \`$short\`" docs/api.md; then
			echo "check-api-doc: $method $path is not described in docs/api.md" >&2
			missing=$((missing + 1))
		fi
	done
	echo "docs/api.md: $checked API routes checked, $missing missing"
	[ "$missing" -eq 0 ]
}
