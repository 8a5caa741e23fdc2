#!/usr/bin/env bash
# Installs (when missing) and starts a single-node SLURM cluster on this machine for the
# cluster tests: munge for authentication, slurmctld and slurmd with one node (this host,
# its cores and memory) in one default partition. Needs root. Idempotent: does nothing
# when sinfo already shows this node idle. Writes the pid files under /run/slurm and
# /run/munge, and /run/slurm/started-by-coopsim when it started the daemons itself.
set -uo pipefail

host=$(hostname -s)

node_state() {
  sinfo -h -N -n "$host" -o '%t' 2>/dev/null | head -n 1
}

# True if a process of this name runs (zombies left by an earlier stop do not count).
alive() {
  ps -C "$1" -o stat= 2>/dev/null | grep -qv '^Z'
}

if command -v sinfo >/dev/null 2>&1 && [ "$(node_state)" = "idle" ]; then
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  echo "ensure-slurm: SLURM is not running and only root can install and start it" >&2
  exit 1
fi

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v slurmd >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  echo "ensure-slurm: installing slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends slurm-wlm munge) >/tmp/ensure-slurm-apt.log 2>&1 || {
    echo "ensure-slurm: apt-get failed (see /tmp/ensure-slurm-apt.log)" >&2
    exit 1
  }
fi

# munge: a key, its directories owned by munge, the daemon running as munge.
mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
chmod 700 /etc/munge /var/lib/munge /var/log/munge
chmod 755 /run/munge
chmod 400 /etc/munge/munge.key
if ! alive munged || ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid || {
    echo "ensure-slurm: munged did not start" >&2
    exit 1
  }
fi

# slurm.conf for this machine.
cpus=$(nproc)
mem_mb=$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/slurm
cat >/etc/slurm/slurm.conf <<CONF
ClusterName=coopsim
SlurmctldHost=$host
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
SlurmUser=root
SlurmdUser=root
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurm/slurmctld.pid
SlurmdPidFile=/run/slurm/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
ReturnToService=2
MinJobAge=600
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

started=0
if ! scontrol ping 2>/dev/null | grep -q 'is UP'; then
  /usr/sbin/slurmctld || { echo "ensure-slurm: slurmctld did not start (see /var/log/slurm/slurmctld.log)" >&2; exit 1; }
  started=1
fi
if ! alive slurmd; then
  /usr/sbin/slurmd || { echo "ensure-slurm: slurmd did not start (see /var/log/slurm/slurmd.log)" >&2; exit 1; }
  started=1
fi
[ "$started" = 1 ] && touch /run/slurm/started-by-coopsim

for _ in $(seq 1 60); do
  state=$(node_state)
  case "$state" in
    idle) echo "ensure-slurm: node $host idle ($cpus CPUs, ${mem_mb} MB)"; exit 0 ;;
    down* | drain* | drng* | fail*) scontrol update nodename="$host" state=resume >/dev/null 2>&1 ;;
  esac
  sleep 0.5
done
echo "ensure-slurm: node $host did not become idle (state: ${state:-unknown}); see /var/log/slurm/" >&2
exit 1
