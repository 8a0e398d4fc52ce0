#!/usr/bin/env bash
# Test environment for the ssh-bridge integration tests, on 127.0.0.1 only:
# munge, a single-node Slurm (slurmctld + slurmd) and an OpenSSH server with key-only auth on port 2222.
#
#   .ci/testenv.sh start       install what is missing (apt), start everything, wait until it answers
#   .ci/testenv.sh stop        stop what start started
#   .ci/testenv.sh env         print shell exports the tests read (eval "$(.ci/testenv.sh env)")
#   .ci/testenv.sh status      say what runs
#   .ci/testenv.sh sshd-stop | sshd-start   used by the reconnect test: drop every SSH connection, serve again
#
# State (keys, configs, logs, the remote project root) lives in $HPSEARCH_TESTENV_DIR (default
# /tmp/hpsearch-testenv); the tests also read $HPSEARCH_TESTENV_DIR/env.properties. Start is idempotent.
set -euo pipefail

STATE=${HPSEARCH_TESTENV_DIR:-/tmp/hpsearch-testenv}
SSH_PORT=${HPSEARCH_TESTENV_SSH_PORT:-2222}
SLURM_DIR=$STATE/slurm
SSH_DIR=$STATE/ssh
SLURM_CONF_FILE=$SLURM_DIR/slurm.conf
SSHD_CONF=$SSH_DIR/sshd_config
REMOTE_ROOT=$STATE/remote
TEST_PASSPHRASE=hpsearch-test-passphrase
NODE=$(hostname -s)
SCRIPT_PATH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")

log() { echo "testenv: $*" >&2; }
die() { echo "testenv: ERROR: $*" >&2; exit 1; }

# Polls a command until it succeeds or the deadline (seconds) passes.
wait_for() {
    local what=$1 seconds=$2; shift 2
    local end=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        if ((SECONDS >= end)); then die "$what did not come up within ${seconds}s"; fi
        sleep 0.2
    done
}

alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

install_missing() {
    local need=()
    command -v munged >/dev/null 2>&1 || [[ -x /usr/sbin/munged ]] || need+=(munge)
    [[ -x /usr/sbin/slurmctld && -x /usr/sbin/slurmd ]] || need+=(slurm-wlm)
    [[ -x /usr/sbin/sshd ]] || need+=(openssh-server)
    command -v ssh >/dev/null 2>&1 || need+=(openssh-client)
    if ((${#need[@]})); then
        log "installing ${need[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    fi
}

start_munge() {
    if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then return; fi
    if [[ ! -s /etc/munge/munge.key ]]; then
        log "creating /etc/munge/munge.key"
        mkdir -p /etc/munge
        if command -v mungekey >/dev/null 2>&1; then mungekey -c -f -k /etc/munge/munge.key
        else dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; fi
        chown munge:munge /etc/munge/munge.key
        chmod 400 /etc/munge/munge.key
    fi
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    chown munge:munge /run/munge /var/log/munge /var/lib/munge
    runuser -u munge -- /usr/sbin/munged
    touch "$STATE/munge.started-by-testenv"
    wait_for munge 10 bash -c 'munge -n | unmunge'
}

write_slurm_conf() {
    mkdir -p "$SLURM_DIR"/{state,spool,log}
    # CPUs=4 on purpose, even on 2 cores: test jobs are tiny, and a throttled array (%2) must be seen to hold
    # back tasks that would otherwise fit. config_overrides makes slurmd accept the declared size.
    cat >"$SLURM_CONF_FILE" <<CONF
# Written by .ci/testenv.sh: single-node Slurm for the ssh-bridge integration tests.
ClusterName=hpsearchtest
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
MailProg=/bin/true
SlurmctldPort=6817
SlurmdPort=6818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=1
JobAcctGatherParams=OverMemoryKill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
SlurmdParameters=config_overrides
ReturnToService=2
StateSaveLocation=$SLURM_DIR/state
SlurmdSpoolDir=$SLURM_DIR/spool
SlurmctldPidFile=$SLURM_DIR/slurmctld.pid
SlurmdPidFile=$SLURM_DIR/slurmd.pid
SlurmctldLogFile=$SLURM_DIR/log/slurmctld.log
SlurmdLogFile=$SLURM_DIR/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$SLURM_DIR/jobcomp.txt
KillWait=5
OverTimeLimit=0
InactiveLimit=0
EnforcePartLimits=ALL
DefMemPerCPU=500
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=4 RealMemory=8000 State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
CONF
}

node_ready() {
    local st
    st=$(SLURM_CONF=$SLURM_CONF_FILE sinfo -h -N -n "$NODE" -o %t 2>/dev/null) || return 1
    [[ $st == idle || $st == mix || $st == alloc ]]
}

start_slurm() {
    write_slurm_conf
    export SLURM_CONF=$SLURM_CONF_FILE
    if ! alive "$SLURM_DIR/slurmctld.pid"; then
        log "starting slurmctld"
        /usr/sbin/slurmctld -f "$SLURM_CONF_FILE"
    fi
    wait_for slurmctld 30 scontrol ping
    if ! alive "$SLURM_DIR/slurmd.pid"; then
        log "starting slurmd"
        /usr/sbin/slurmd -f "$SLURM_CONF_FILE"
    fi
    local end=$((SECONDS + 30))
    until node_ready; do
        local st
        st=$(sinfo -h -N -n "$NODE" -o %t 2>/dev/null || true)
        if [[ $st == down* || $st == drain* || $st == drng* ]]; then
            scontrol update NodeName="$NODE" State=RESUME >/dev/null 2>&1 || true
        fi
        ((SECONDS < end)) || die "Slurm node $NODE is not idle (state '$st'); see $SLURM_DIR/log"
        sleep 0.2
    done
}

make_keys() {
    mkdir -p "$SSH_DIR"
    chmod 700 "$SSH_DIR"
    [[ -f $SSH_DIR/host_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C hpsearch-test-host -f "$SSH_DIR/host_ed25519"
    [[ -f $SSH_DIR/id_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C hpsearch-test-client -f "$SSH_DIR/id_ed25519"
    # other key types, and one protected by a passphrase (a test fixture, not a secret), for the auth tests
    [[ -f $SSH_DIR/id_rsa ]] || ssh-keygen -q -t rsa -b 3072 -N '' -C hpsearch-test-rsa -f "$SSH_DIR/id_rsa"
    [[ -f $SSH_DIR/id_ecdsa ]] || ssh-keygen -q -t ecdsa -b 256 -N '' -C hpsearch-test-ecdsa -f "$SSH_DIR/id_ecdsa"
    [[ -f $SSH_DIR/id_ed25519_pass ]] || ssh-keygen -q -t ed25519 -N "$TEST_PASSPHRASE" -C hpsearch-test-pass \
        -f "$SSH_DIR/id_ed25519_pass"
    cat "$SSH_DIR"/id_ed25519.pub "$SSH_DIR"/id_rsa.pub "$SSH_DIR"/id_ecdsa.pub "$SSH_DIR"/id_ed25519_pass.pub \
        >"$SSH_DIR/authorized_keys"
    echo "[127.0.0.1]:$SSH_PORT $(cut -d' ' -f1,2 "$SSH_DIR/host_ed25519.pub")" >"$SSH_DIR/known_hosts"
}

write_sshd_conf() {
    cat >"$SSHD_CONF" <<CONF
# Written by .ci/testenv.sh: key-only sshd on loopback for the ssh-bridge integration tests.
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $SSH_DIR/host_ed25519
PidFile $SSH_DIR/sshd.pid
AuthorizedKeysFile $SSH_DIR/authorized_keys
StrictModes no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
X11Forwarding no
PrintMotd no
LogLevel INFO
ClientAliveInterval 15
Subsystem sftp internal-sftp
SetEnv SLURM_CONF=$SLURM_CONF_FILE
CONF
}

ssh_answers() {
    ssh -q -o BatchMode=yes -o ConnectTimeout=3 -o UserKnownHostsFile="$SSH_DIR/known_hosts" \
        -o StrictHostKeyChecking=yes -i "$SSH_DIR/id_ed25519" -p "$SSH_PORT" "$(id -un)@127.0.0.1" \
        'test -n "$SLURM_CONF" && command -v sbatch' >/dev/null
}

start_sshd() {
    make_keys
    write_sshd_conf
    mkdir -p /run/sshd
    if ! alive "$SSH_DIR/sshd.pid"; then
        /usr/sbin/sshd -t -f "$SSHD_CONF" || die "sshd rejects $SSHD_CONF"
        log "starting sshd on 127.0.0.1:$SSH_PORT"
        /usr/sbin/sshd -f "$SSHD_CONF" -E "$SSH_DIR/sshd.log"
    fi
    wait_for "sshd on 127.0.0.1:$SSH_PORT" 20 ssh_answers
}

# Stops the listening sshd and every connection it serves (its children), so that clients see a drop.
stop_sshd() {
    [[ -f $SSH_DIR/sshd.pid ]] || return 0
    local pid children
    pid=$(cat "$SSH_DIR/sshd.pid")
    if kill -0 "$pid" 2>/dev/null; then
        children=$(pgrep -P "$pid" || true)
        kill "$pid" 2>/dev/null || true
        for c in $children; do kill "$c" 2>/dev/null || true; done
        local end=$((SECONDS + 10))
        while kill -0 "$pid" 2>/dev/null && ((SECONDS < end)); do sleep 0.1; done
    fi
    rm -f "$SSH_DIR/sshd.pid"
}

write_env() {
    mkdir -p "$REMOTE_ROOT"
    cat >"$STATE/env.properties" <<PROPS
HPSEARCH_TEST_SSH_HOST=127.0.0.1
HPSEARCH_TEST_SSH_PORT=$SSH_PORT
HPSEARCH_TEST_SSH_USER=$(id -un)
HPSEARCH_TEST_SSH_KEY=$SSH_DIR/id_ed25519
HPSEARCH_TEST_SSH_KNOWN_HOSTS=$SSH_DIR/known_hosts
HPSEARCH_TEST_SSH_KEY_RSA=$SSH_DIR/id_rsa
HPSEARCH_TEST_SSH_KEY_ECDSA=$SSH_DIR/id_ecdsa
HPSEARCH_TEST_SSH_KEY_ENCRYPTED=$SSH_DIR/id_ed25519_pass
HPSEARCH_TEST_SSH_KEY_PASSPHRASE=$TEST_PASSPHRASE
HPSEARCH_TEST_SSH_HOST_KEY_PUB=$SSH_DIR/host_ed25519.pub
HPSEARCH_TEST_REMOTE_ROOT=$REMOTE_ROOT
HPSEARCH_TEST_PARTITION=debug
HPSEARCH_TEST_SCRIPT=$SCRIPT_PATH
SLURM_CONF=$SLURM_CONF_FILE
PROPS
}

stop_pidfile() {
    local file=$1 name=$2
    if alive "$file"; then
        log "stopping $name"
        local pid; pid=$(cat "$file")
        kill "$pid" 2>/dev/null || true
        local end=$((SECONDS + 15))
        while kill -0 "$pid" 2>/dev/null && ((SECONDS < end)); do sleep 0.1; done
    fi
    rm -f "$file"
}

case ${1:-} in
    start)
        mkdir -p "$STATE"
        install_missing
        start_munge
        start_slurm
        start_sshd
        write_env
        log "ready: ssh -p $SSH_PORT -i $SSH_DIR/id_ed25519 $(id -un)@127.0.0.1; env in $STATE/env.properties"
        ;;
    stop)
        stop_sshd
        stop_pidfile "$SLURM_DIR/slurmd.pid" slurmd
        stop_pidfile "$SLURM_DIR/slurmctld.pid" slurmctld
        if [[ -f $STATE/munge.started-by-testenv ]]; then
            stop_pidfile /run/munge/munged.pid munged
            rm -f "$STATE/munge.started-by-testenv"
        fi
        rm -f "$STATE/env.properties"
        ;;
    sshd-stop)
        stop_sshd
        ;;
    sshd-start)
        start_sshd
        ;;
    env)
        [[ -f $STATE/env.properties ]] || die "not started: run $0 start"
        sed -e 's/^\([A-Z_]*\)=\(.*\)$/export \1='"'"'\2'"'"'/' "$STATE/env.properties"
        ;;
    status)
        for p in "$SLURM_DIR/slurmctld.pid:slurmctld" "$SLURM_DIR/slurmd.pid:slurmd" "$SSH_DIR/sshd.pid:sshd"; do
            if alive "${p%%:*}"; then echo "${p##*:}: running"; else echo "${p##*:}: stopped"; fi
        done
        ;;
    *)
        echo "usage: $0 start|stop|env|status|sshd-stop|sshd-start" >&2
        exit 2
        ;;
esac
