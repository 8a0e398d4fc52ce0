#!/usr/bin/env bash
# Test environment for the SSH/Slurm integration tests, on 127.0.0.1 only:
# munge, a single-node Slurm (slurmctld + slurmd) and an OpenSSH server with key-only auth on port 2222,
# run as a separate machine as far as files go.
#
# The separation (why: a test cluster that sees the laptop's disk hides every path mistake):
#   - A "holder" process is started in a mount namespace of its own (unshare -m, private propagation). In it,
#     an empty tmpfs covers /tmp (where the tests' @TempDir projects live) and another covers this repository
#     (where target/ folders live). sshd, slurmctld and slurmd are started inside that namespace (nsenter), so
#     every SSH session and every Slurm job sees the cluster's view: none of the laptop's project folders.
#   - The remote root ($CLUSTER_REMOTE_ROOT, under the namespace's own /tmp) exists on the cluster side only;
#     the laptop side (the tests, the JVM running them) cannot see it.
#   - What both sides see: the system (/usr, /etc, /run/munge, the JDK) and the cluster's admin files in
#     $CLUSTER_STATE (slurm.conf, daemon state and logs, sshd's config). $NODE_DIR is the cluster's shared
#     file system as one of its nodes sees it, for the tests that play a node (the detached coordinator).
#   - The laptop side keeps its client keys, known_hosts and env.properties in $STATE.
#
#   .ci/testenv.sh start       install what is missing (apt), start everything, wait until it answers
#   .ci/testenv.sh stop        stop what start started
#   .ci/testenv.sh env         print shell exports the tests read (eval "$(.ci/testenv.sh env)")
#   .ci/testenv.sh status      say what runs
#   .ci/testenv.sh sshd-stop | sshd-start   used by the reconnect test: drop every SSH connection, serve again
#   .ci/testenv.sh cluster CMD...   run CMD as the cluster side sees the files
#
# The laptop side's state (client keys, known_hosts) lives in $HPSEARCH_TESTENV_DIR (default /tmp/hpsearch-testenv);
# the tests read $HPSEARCH_TESTENV_DIR/env.properties. The cluster's (daemon configs, state, logs) lives in
# $HPSEARCH_TESTCLUSTER_DIR (default /var/lib/hpsearch-testcluster). Start is idempotent.
set -euo pipefail

STATE=${HPSEARCH_TESTENV_DIR:-/tmp/hpsearch-testenv}
CLUSTER_STATE=${HPSEARCH_TESTCLUSTER_DIR:-/var/lib/hpsearch-testcluster}
SSH_PORT=${HPSEARCH_TESTENV_SSH_PORT:-2222}
SLURM_DIR=$CLUSTER_STATE/slurm
SSH_DIR=$STATE/ssh
SSHD_DIR=$CLUSTER_STATE/sshd
SLURM_CONF_FILE=$SLURM_DIR/slurm.conf
SSHD_CONF=$SSHD_DIR/sshd_config
HOLDER_PID=$CLUSTER_STATE/namespace.pid
CLUSTER_REMOTE_ROOT=/tmp/hpsearch-cluster/remote
NODE_DIR=$CLUSTER_STATE/nodefs
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
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

# ---- the cluster's own view of the files: a mount namespace kept by a sleeping holder process

start_namespace() {
    mkdir -p "$CLUSTER_STATE" "$NODE_DIR"
    chmod 755 "$CLUSTER_STATE"
    if alive "$HOLDER_PID" && [[ -f $CLUSTER_STATE/namespace.ready ]]; then return; fi
    rm -f "$CLUSTER_STATE/namespace.ready"
    case $CLUSTER_STATE/ in /tmp/*|"$REPO_ROOT"/*) die "HPSEARCH_TESTCLUSTER_DIR must lie outside /tmp and $REPO_ROOT";; esac
    local hide_repo=$REPO_ROOT
    case $REPO_ROOT/ in /tmp/*) hide_repo="";; esac   # hidden with /tmp already
    log "starting the cluster's mount namespace (hides /tmp${hide_repo:+ and $hide_repo})"
    # setsid and unshare exec in place, so $! is the holder itself
    setsid unshare --mount --propagation private bash -c '
        set -e
        mount -t tmpfs -o mode=1777 hpsearch-cluster-tmp /tmp
        if [[ -n $1 ]]; then mount -t tmpfs -o mode=755,size=1m hpsearch-cluster-hidden "$1"; fi
        mkdir -p "$2"
        touch "$3"
        exec sleep infinity' holder "$hide_repo" "$CLUSTER_REMOTE_ROOT" "$CLUSTER_STATE/namespace.ready" \
        </dev/null >"$CLUSTER_STATE/namespace.log" 2>&1 &
    echo $! >"$HOLDER_PID"
    wait_for "the cluster's mount namespace (see $CLUSTER_STATE/namespace.log)" 10 test -f "$CLUSTER_STATE/namespace.ready"
}

# Runs a command on the cluster side.
in_cluster() { nsenter -t "$(cat "$HOLDER_PID")" -m -- "$@"; }

# Whether a daemon's pid file names a live process inside the cluster's namespace (not one left from elsewhere).
alive_in_cluster() {
    alive "$1" && [[ $(readlink "/proc/$(cat "$1")/ns/mnt") == "$(readlink "/proc/$(cat "$HOLDER_PID")/ns/mnt")" ]]
}

# A daemon alive outside the cluster's namespace (an older test environment) is stopped before it is started inside.
restart_if_outside() {
    local file=$1 name=$2
    if alive "$file" && ! alive_in_cluster "$file"; then
        log "$name runs outside the cluster's namespace: restarting it inside"
        stop_pidfile "$file" "$name"
    fi
}

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
# A site's limits, small enough for tests to reach: job arrays of at most 63 tasks (MaxArraySize is one past
# the largest index), so that a larger grid must be split.
MaxArraySize=64
# Preemption by partition priority: a job in "high" cancels jobs in "low" (and "debug") that stand in its way;
# the preempted jobs end in state PREEMPTED.
PreemptType=preempt/partition_prio
PreemptMode=CANCEL
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=4 RealMemory=8000 State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP PriorityTier=1
PartitionName=low Nodes=$NODE MaxTime=INFINITE State=UP PriorityTier=1
PartitionName=high Nodes=$NODE MaxTime=INFINITE State=UP PriorityTier=10 PreemptMode=OFF
# a partition with limits of its own: 5 minutes, 2000 MB per node
PartitionName=short Nodes=$NODE MaxTime=5 MaxMemPerNode=2000 State=UP PriorityTier=1
CONF
}

node_ready() {
    local st
    # one line per partition: the node's state is the same in each
    st=$(SLURM_CONF=$SLURM_CONF_FILE sinfo -h -N -n "$NODE" -o %t 2>/dev/null | head -n 1) || return 1
    [[ $st == idle || $st == mix || $st == alloc ]]
}

start_slurm() {
    local before=""
    [[ -f $SLURM_CONF_FILE ]] && before=$(cat "$SLURM_CONF_FILE")
    write_slurm_conf
    export SLURM_CONF=$SLURM_CONF_FILE
    if [[ -n $before && $before != "$(cat "$SLURM_CONF_FILE")" ]]; then
        # a changed configuration (a new version of this script): the daemons read it again from the start
        log "slurm.conf changed: restarting slurmctld and slurmd"
        stop_pidfile "$SLURM_DIR/slurmd.pid" slurmd
        stop_pidfile "$SLURM_DIR/slurmctld.pid" slurmctld
    fi
    restart_if_outside "$SLURM_DIR/slurmd.pid" slurmd
    restart_if_outside "$SLURM_DIR/slurmctld.pid" slurmctld
    if ! alive "$SLURM_DIR/slurmctld.pid"; then
        log "starting slurmctld"
        in_cluster /usr/sbin/slurmctld -f "$SLURM_CONF_FILE"
    fi
    wait_for slurmctld 30 scontrol ping
    if ! alive "$SLURM_DIR/slurmd.pid"; then
        log "starting slurmd"
        in_cluster /usr/sbin/slurmd -f "$SLURM_CONF_FILE"
    fi
    local end=$((SECONDS + 30))
    until node_ready; do
        local st
        st=$(sinfo -h -N -n "$NODE" -o %t 2>/dev/null | head -n 1 || true)
        if [[ $st == down* || $st == drain* || $st == drng* ]]; then
            scontrol update NodeName="$NODE" State=RESUME >/dev/null 2>&1 || true
        fi
        ((SECONDS < end)) || die "Slurm node $NODE is not idle (state '$st'); see $SLURM_DIR/log"
        sleep 0.2
    done
}

make_keys() {
    mkdir -p "$SSH_DIR" "$SSHD_DIR"
    chmod 700 "$SSH_DIR" "$SSHD_DIR"
    [[ -f $SSHD_DIR/host_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C hpsearch-test-host -f "$SSHD_DIR/host_ed25519"
    [[ -f $SSH_DIR/id_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C hpsearch-test-client -f "$SSH_DIR/id_ed25519"
    # other key types, and one protected by a passphrase (a test fixture, not a secret), for the auth tests
    [[ -f $SSH_DIR/id_rsa ]] || ssh-keygen -q -t rsa -b 3072 -N '' -C hpsearch-test-rsa -f "$SSH_DIR/id_rsa"
    [[ -f $SSH_DIR/id_ecdsa ]] || ssh-keygen -q -t ecdsa -b 256 -N '' -C hpsearch-test-ecdsa -f "$SSH_DIR/id_ecdsa"
    [[ -f $SSH_DIR/id_ed25519_pass ]] || ssh-keygen -q -t ed25519 -N "$TEST_PASSPHRASE" -C hpsearch-test-pass \
        -f "$SSH_DIR/id_ed25519_pass"
    cat "$SSH_DIR"/id_ed25519.pub "$SSH_DIR"/id_rsa.pub "$SSH_DIR"/id_ecdsa.pub "$SSH_DIR"/id_ed25519_pass.pub \
        >"$SSHD_DIR/authorized_keys"
    echo "[127.0.0.1]:$SSH_PORT $(cut -d' ' -f1,2 "$SSHD_DIR/host_ed25519.pub")" >"$SSH_DIR/known_hosts"
}

write_sshd_conf() {
    cat >"$SSHD_CONF" <<CONF
# Written by .ci/testenv.sh: key-only sshd on loopback for the ssh-bridge integration tests.
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $SSHD_DIR/host_ed25519
PidFile $SSHD_DIR/sshd.pid
AuthorizedKeysFile $SSHD_DIR/authorized_keys
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
    restart_if_outside "$SSHD_DIR/sshd.pid" sshd
    if ! alive "$SSHD_DIR/sshd.pid"; then
        /usr/sbin/sshd -t -f "$SSHD_CONF" || die "sshd rejects $SSHD_CONF"
        log "starting sshd on 127.0.0.1:$SSH_PORT"
        in_cluster /usr/sbin/sshd -f "$SSHD_CONF" -E "$SSHD_DIR/sshd.log"
    fi
    wait_for "sshd on 127.0.0.1:$SSH_PORT" 20 ssh_answers
}

# Stops the listening sshd and every connection it serves (its children), so that clients see a drop.
stop_sshd() {
    [[ -f $SSHD_DIR/sshd.pid ]] || return 0
    local pid children
    pid=$(cat "$SSHD_DIR/sshd.pid")
    if kill -0 "$pid" 2>/dev/null; then
        children=$(pgrep -P "$pid" || true)
        kill "$pid" 2>/dev/null || true
        for c in $children; do kill "$c" 2>/dev/null || true; done
        local end=$((SECONDS + 10))
        while kill -0 "$pid" 2>/dev/null && ((SECONDS < end)); do sleep 0.1; done
    fi
    rm -f "$SSHD_DIR/sshd.pid"
}

write_env() {
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
HPSEARCH_TEST_SSH_HOST_KEY_PUB=$SSHD_DIR/host_ed25519.pub
HPSEARCH_TEST_REMOTE_ROOT=$CLUSTER_REMOTE_ROOT
HPSEARCH_TEST_NODE_DIR=$NODE_DIR
HPSEARCH_TEST_CLUSTER_PID_FILE=$HOLDER_PID
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
        start_namespace
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
        stop_pidfile "$HOLDER_PID" "the cluster's mount namespace"
        rm -f "$STATE/env.properties"
        ;;
    sshd-stop)
        stop_sshd
        ;;
    sshd-start)
        start_sshd
        ;;
    cluster)
        # runs a command as the cluster side sees the files: .ci/testenv.sh cluster ls /tmp
        shift
        in_cluster "$@"
        ;;
    env)
        [[ -f $STATE/env.properties ]] || die "not started: run $0 start"
        sed -e 's/^\([A-Z_]*\)=\(.*\)$/export \1='"'"'\2'"'"'/' "$STATE/env.properties"
        ;;
    status)
        for p in "$SLURM_DIR/slurmctld.pid:slurmctld" "$SLURM_DIR/slurmd.pid:slurmd" "$SSHD_DIR/sshd.pid:sshd"; do
            if alive_in_cluster "${p%%:*}"; then echo "${p##*:}: running in the cluster's namespace"
            elif alive "${p%%:*}"; then echo "${p##*:}: running OUTSIDE the cluster's namespace"
            else echo "${p##*:}: stopped"; fi
        done
        ;;
    *)
        echo "usage: $0 start|stop|env|status|sshd-stop|sshd-start|cluster CMD..." >&2
        exit 2
        ;;
esac
