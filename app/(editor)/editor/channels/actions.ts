"use server";
import { createChannel, createChannelSchema, deleteChannel, deleteChannelSchema, moveChannel, moveChannelSchema, updateChannel, updateChannelSchema } from "@/lib/channels/manage";
import { success } from "@/lib/form-state";
import { t } from "@/lib/messages/catalog";
import { newsroomAction } from "../_lib/newsroom-action";

export const createChannelAction = newsroomAction(createChannelSchema, createChannel, ({ channel }) =>
  success(t("action.channelCreated", { name: channel.name, slug: channel.slug }), { channelId: channel.id, slug: channel.slug }),
);

export const updateChannelAction = newsroomAction(updateChannelSchema, updateChannel, ({ channel, changed }) =>
  success(changed ? t("action.channelSaved", { name: channel.name }) : t("form.unchanged"), undefined),
);

export const moveChannelAction = newsroomAction(moveChannelSchema, moveChannel, ({ changed }) => success(changed ? t("action.channelMoved") : t("action.channelAtEnd"), undefined));

/** No refresh(): the channel's own page would answer 404; the form goes back to the list. */
export const deleteChannelAction = newsroomAction(deleteChannelSchema, deleteChannel, ({ name }) => success(t("action.channelDeleted", { name }), undefined), { refresh: false });
