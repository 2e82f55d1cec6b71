//! Tests of reference.rs's rows: targets decided by live peers or a native figure, and every
//! peer and machine explained in the table's footnotes.

use super::figure::{Check, Peer, PeerSource};
use super::peers::{MACHINES, PEER_NOTES};
use super::reference::ROWS;

#[test]
fn targets_use_live_peers_and_native_checks_have_a_native_figure() {
    for row in &ROWS {
        for target in row.targets {
            match target.check {
                Check::AtLeastPeer { peer, .. } => {
                    assert!(
                        row.peers.get(peer).is_some_and(Peer::is_live),
                        "{}",
                        row.label
                    );
                }
                Check::NearNative { .. } => assert!(row.native.is_some(), "{}", row.label),
                Check::AtLeast(_) | Check::Below(_) => {}
            }
        }
    }
}

#[test]
fn every_peer_name_and_machine_is_explained_and_live_peers_come_first() {
    for row in &ROWS {
        for peer in row.peers {
            assert!(
                PEER_NOTES.iter().any(|(name, _)| *name == peer.name),
                "{}",
                peer.name
            );
            if let PeerSource::Fixed { machine, .. } = peer.source {
                assert!(
                    MACHINES.iter().any(|(name, _)| *name == machine),
                    "{machine}"
                );
            }
        }
        let live = row.peers.iter().filter(|peer| peer.is_live()).count();
        assert!(row.peers[..live].iter().all(Peer::is_live), "{}", row.label);
    }
}
