# Shell helpers shared by the bench scripts (sourced, not run).

# Sets $port to a free loopback port not handed out before in this run (the OS may offer a just-released port again);
# called without a subshell (`free_port; p=$port`) so that the ports handed out are remembered.
taken_ports=" "
free_port() {
  local p
  while :; do
    p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    case "$taken_ports" in *" $p "*) ;; *) taken_ports="$taken_ports$p "; port=$p; return ;; esac
  done
}

# json <file> <dotted.path>: one value of a JSON file.
json() { node -e "console.log(process.argv[2].split('.').reduce((o, k) => o[k], require(process.argv[1])))" "$1" "$2"; }

# wait_for <url> <seconds>: until the URL answers 2xx.
wait_for() {
  for _ in $(seq 1 "$2"); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done
  echo "timed out waiting for $1"; return 1
}
