import type {
  IdPayloadDto,
  ListRolesDto,
  ListUserSecurityDto,
  PageQueryDto,
  RoleBodyDto,
  UpdateRolePayloadDto,
  ExplainQueryDto,
  WhoCanSeeQueryDto,
} from '../../dto';
import type { ExplainView, WhoCanSeeView } from '../acl/acl-views';
import type {
  AssignTicketOwnerPayloadDto,
  AssignTicketRolesPayloadDto,
  CreateServiceRequestDto,
  CreateTicketCommentPayloadDto,
  CreateTicketDto,
  CreateTicketSecurityProfileDto,
  ListServiceRequestsDto,
  ListTicketPeopleDto,
  ListTicketsDto,
  TicketCommentRefPayloadDto,
  TicketPageQueryPayloadDto,
  TicketsAccessQueryDto,
  TransitionPayloadDto,
  UpdateTicketPayloadDto,
  UpdateTicketSecurityProfilePayloadDto,
} from '../../dto/tickets';
import type { Deleted, Page } from '../page';
import { rpcOf } from '../rpc-contract';
import type {
  ServiceRequestView,
  TicketCommentView,
  TicketHistoryView,
  TicketPersonView,
  TicketRoleView,
  TicketsAccessView,
  TicketSecurityProfileView,
  TicketView,
  UserRolesView,
  UserSecurityItem,
} from './tickets-views';

const rpc = rpcOf('tickets');

/** The tickets service's request/reply patterns, each with what it takes and what it answers. */
export const TicketsRpc = {
  /** For the gateway: a user's tickets status, roles and units in one organization. */
  accessGet: rpc<TicketsAccessQueryDto, TicketsAccessView>('tickets.access.get'),
  ticketsCreate: rpc<CreateTicketDto, TicketView>('tickets.tickets.create'),
  ticketsList: rpc<ListTicketsDto, Page<TicketView>>('tickets.tickets.list'),
  ticketsGet: rpc<IdPayloadDto, TicketView>('tickets.tickets.get'),
  ticketsUpdate: rpc<UpdateTicketPayloadDto, TicketView>('tickets.tickets.update'),
  ticketsTransition: rpc<TransitionPayloadDto, TicketView>('tickets.tickets.transition'),
  ticketsAssignOwner: rpc<AssignTicketOwnerPayloadDto, TicketView>('tickets.tickets.assign-owner'),
  ticketsDelete: rpc<IdPayloadDto, Deleted>('tickets.tickets.delete'),
  commentsList: rpc<TicketPageQueryPayloadDto, Page<TicketCommentView>>('tickets.comments.list'),
  commentsCreate: rpc<CreateTicketCommentPayloadDto, TicketCommentView>('tickets.comments.create'),
  commentsDelete: rpc<TicketCommentRefPayloadDto, Deleted>('tickets.comments.delete'),
  historyList: rpc<TicketPageQueryPayloadDto, Page<TicketHistoryView>>('tickets.history.list'),
  peopleList: rpc<ListTicketPeopleDto, Page<TicketPersonView>>('tickets.people.list'),
  rolesList: rpc<ListRolesDto, Page<TicketRoleView>>('tickets.roles.list'),
  rolesGet: rpc<IdPayloadDto, TicketRoleView>('tickets.roles.get'),
  rolesCreate: rpc<RoleBodyDto, TicketRoleView>('tickets.roles.create'),
  rolesUpdate: rpc<UpdateRolePayloadDto, TicketRoleView>('tickets.roles.update'),
  rolesDelete: rpc<IdPayloadDto, Deleted>('tickets.roles.delete'),
  securityProfilesList: rpc<PageQueryDto, Page<TicketSecurityProfileView>>('tickets.security-profiles.list'),
  securityProfilesGet: rpc<IdPayloadDto, TicketSecurityProfileView>('tickets.security-profiles.get'),
  securityProfilesCreate: rpc<CreateTicketSecurityProfileDto, TicketSecurityProfileView>('tickets.security-profiles.create'),
  securityProfilesUpdate: rpc<UpdateTicketSecurityProfilePayloadDto, TicketSecurityProfileView>('tickets.security-profiles.update'),
  securityProfilesDelete: rpc<IdPayloadDto, Deleted>('tickets.security-profiles.delete'),
  userSecurityList: rpc<ListUserSecurityDto, Page<UserSecurityItem>>('tickets.user-security.list'),
  userSecurityAssignRoles: rpc<AssignTicketRolesPayloadDto, UserRolesView>('tickets.user-security.assign-roles'),
  /** For the portal: service requests of the caller's client account (organization). */
  serviceRequestsCreate: rpc<CreateServiceRequestDto, TicketView>('tickets.service-requests.create'),
  serviceRequestsList: rpc<ListServiceRequestsDto, Page<TicketView>>('tickets.service-requests.list'),
  /** One service request of the caller's client account, with its public comments. */
  serviceRequestsGet: rpc<IdPayloadDto, ServiceRequestView>('tickets.service-requests.get'),
  /** The caller's tickets roles explained for a ticket entity (and one ticket). */
  aclExplain: rpc<ExplainQueryDto, ExplainView>('tickets.acl.explain'),
  /** The tickets users (within the User VIEW scope the gateway sends) whose tickets roles reach a ticket. */
  aclWhoCanSee: rpc<WhoCanSeeQueryDto, WhoCanSeeView>('tickets.acl.who-can-see'),
} as const;
