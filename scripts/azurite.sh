# Sourced by scripts: start_azurite DIR starts Azurite on 127.0.0.1 (ports 10000-10002 unless
# AZURITE_BLOB_PORT etc. are set), waits until it answers, and sets AZURITE_PID and
# AZURITE_CONNECTION_STRING. The node process itself is started (not an npx wrapper) so its pid stops it,
# in a session of its own (setsid) so that a Ctrl-C in the terminal does not stop it before the app:
# the script that started it stops it last.
start_azurite() {
  local dir="$1"
  local blob="${AZURITE_BLOB_PORT:-10000}" queue="${AZURITE_QUEUE_PORT:-10001}" table="${AZURITE_TABLE_PORT:-10002}"
  mkdir -p "$dir"
  setsid node node_modules/azurite/dist/src/azurite.js --silent --disableTelemetry --skipApiVersionCheck \
    --location "$dir" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob" --queuePort "$queue" --tablePort "$table" >"$dir/azurite.log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$table") 2>/dev/null; then break; fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then echo "Azurite failed to start:" >&2; cat "$dir/azurite.log" >&2; return 1; fi
    sleep 0.1
  done
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
  export AZURITE_PID AZURITE_CONNECTION_STRING
}
