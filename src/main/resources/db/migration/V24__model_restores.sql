-- An administrator may put an earlier model version back to use (ModelVersions.restore): it is stored again as the
-- newest version, so that every node adopts it as it adopts a trained one and re-resolution owes a pass with it.
-- restored_from: the version it copies (0: the shipped default model, which has no row); reason: the
-- administrator's note. pinned: automatic training leaves the model alone until an administrator trains or
-- restores again, or the next automatic training would undo the restore with a model learned from the same data.
alter table match_model
  add column restored_from bigint,
  add column pinned        boolean not null default false,
  add column reason        text;
