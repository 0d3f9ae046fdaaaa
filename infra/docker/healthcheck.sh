#!/bin/bash
# The image's HEALTHCHECK: healthy while the service's readiness group answers 200 on its HTTP port
# ($PORT). Bash's /dev/tcp instead of curl, which the JRE image need not carry.
set -euo pipefail
exec 3<>"/dev/tcp/127.0.0.1/${PORT:?}"
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 4 status <&3
[[ "$status" == "HTTP/1."?" 200"* ]]
