"use server";
import { prepareAction } from "../_lib/prepare-action";
import { refresh } from "next/cache";
import {
  createChannel,
  createChannelSchema,
  deleteChannel,
  deleteChannelSchema,
  moveChannel,
  moveChannelSchema,
  updateChannel,
  updateChannelSchema,
} from "@/lib/channels/manage";
import { success, toFailure, type FormResult } from "@/lib/form-state";
import { refreshPublicPages } from "../_lib/refresh";

export async function createChannelAction(request: unknown): Promise<FormResult<{ channelId: number; slug: string }>> {
  const prepared = await prepareAction(createChannelSchema, request);
  if (!prepared.ok) return prepared.result;
  try {
    const { channel, publicTags } = await createChannel(prepared.viewer, prepared.input, prepared.context);
    refreshPublicPages(publicTags);
    refresh();
    return success(`已新建栏目 ${channel.name}（/channels/${channel.slug}）`, { channelId: channel.id, slug: channel.slug });
  } catch (error) {
    return toFailure(error);
  }
}

export async function updateChannelAction(request: unknown): Promise<FormResult> {
  const prepared = await prepareAction(updateChannelSchema, request);
  if (!prepared.ok) return prepared.result;
  try {
    const { channel, changed, publicTags } = await updateChannel(prepared.viewer, prepared.input, prepared.context);
    refreshPublicPages(publicTags);
    refresh();
    return success(changed ? `已保存栏目 ${channel.name}` : "没有需要保存的修改", undefined);
  } catch (error) {
    return toFailure(error);
  }
}

export async function moveChannelAction(request: unknown): Promise<FormResult> {
  const prepared = await prepareAction(moveChannelSchema, request);
  if (!prepared.ok) return prepared.result;
  try {
    const { changed, publicTags } = await moveChannel(prepared.viewer, prepared.input, prepared.context);
    refreshPublicPages(publicTags);
    refresh();
    return success(changed ? "已调整顺序" : "已经在最前或最后", undefined);
  } catch (error) {
    return toFailure(error);
  }
}

/** No refresh(): the channel's own page would answer 404; the form goes back to the list. */
export async function deleteChannelAction(request: unknown): Promise<FormResult> {
  const prepared = await prepareAction(deleteChannelSchema, request);
  if (!prepared.ok) return prepared.result;
  try {
    const { name, publicTags } = await deleteChannel(prepared.viewer, prepared.input, prepared.context);
    refreshPublicPages(publicTags);
    return success(`已删除栏目 ${name}`, undefined);
  } catch (error) {
    return toFailure(error);
  }
}
