#!/bin/sh
# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
#
# Throughput of the tenant's tracking page against Odoo's own /web/login, side
# by side: the same Odoo server (prefork, --workers), the same wrk client, the
# same threads and connections.  Needs wrk (apt-get install wrk).
#
#   bench/throughput.sh CONF DB [PORT] [SECONDS] [CONNECTIONS] [WORKERS]
#
# $ROUNDS rounds (default 5) of both pages on the same server, in turns
# (login then track, then track then login, ...) so that a drift of the
# machine weighs on both; the ratio is that of the two pages' medians.
#
# The token is the newest tracked work order's (not draft, not cancelled), or
# $TOKEN when given (bench/run.py prints one per database with as many events).
set -u
CONF=$1
DB=$2
PORT=${3:-8069}
SECONDS_EACH=${4:-10}
CONNECTIONS=${5:-4}
WORKERS=${6:-2}
HOST=${PGHOST:-127.0.0.1}
ODOO_BIN=${ODOO_BIN:-$(python3 -c 'import odoo, os; print(os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "odoo-bin"))')}

TOKEN=${TOKEN:-$(psql -h "$HOST" -U "${PGUSER:-root}" "$DB" -Atc "
    SELECT symetrie_tracking_token FROM purchase_order
     WHERE symetrie_is_work_order AND symetrie_tracking_token IS NOT NULL
       AND symetrie_step NOT IN ('draft', 'cancelled')
     ORDER BY id DESC LIMIT 1")}

# As the project's odoo.conf serves: one database (db_name), no database
# list. With --db-filter instead, /web/login would list the server's
# databases on every request (a connection to "postgres"), halving its rate.
python3 "$ODOO_BIN" -c "$CONF" -d "$DB" --no-database-list --http-port="$PORT" \
    --workers="$WORKERS" --max-cron-threads=0 --log-level=warn >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
# Wait for the server, then warm both pages.
for _i in $(seq 60); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login" && break
    sleep 1
done
for path in /web/login "/track/$TOKEN"; do
    for _i in 1 2 3 4 5; do curl -fs -o /dev/null "http://127.0.0.1:$PORT$path"; done
done

rate() {
    # "Connection: close": on a kept-alive connection Odoo's prefork workers
    # answered about 40 ms per request whatever the page (TCP delayed ACK), so
    # that, not the page, would be measured. Without a cookie, each request
    # starts a new session (saved by /web/login): see bench/README.md.
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" -H "Connection: close" "http://127.0.0.1:$PORT$1" \
        | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx:", $4 > "/dev/stderr"}'
}
ROUNDS=${ROUNDS:-5}
LOGINS=""
TRACKS=""
for round in $(seq "$ROUNDS"); do
    if [ $((round % 2)) -eq 1 ]; then
        LOGINS="$LOGINS $(rate /web/login)"
        TRACKS="$TRACKS $(rate "/track/$TOKEN")"
    else
        TRACKS="$TRACKS $(rate "/track/$TOKEN")"
        LOGINS="$LOGINS $(rate /web/login)"
    fi
done
python3 -c "
from statistics import median
logins, tracks = [float(x) for x in '$LOGINS'.split()], [float(x) for x in '$TRACKS'.split()]
login, track = median(logins), median(tracks)
print('%s: /web/login %.1f req/s, /track/<token> %.1f req/s, ratio track/login %.2f '
      '(medians of %d rounds; %s workers, wrk 2 threads, %s connections, %s s each)'
      % ('$DB', login, track, track / login, len(logins), '$WORKERS', '$CONNECTIONS', '$SECONDS_EACH'))
print('  rounds, login:', ' '.join('%.0f' % x for x in logins))
print('  rounds, track:', ' '.join('%.0f' % x for x in tracks))
"
