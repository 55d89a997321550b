import { getMetadataStorage, IsInt, IsOptional, IsString, MaxLength, validate, ValidateNested } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { rememberValidationRules } from './remembered-validation-rules';

class Named {
  @IsString()
  @MaxLength(5)
  name!: string;
}

class Counted extends Named {
  @IsInt()
  count!: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => Named)
  inner?: Named;
}

const options = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;
const storage = () => getMetadataStorage() as unknown as { getTargetValidationMetadatas(...args: unknown[]): { propertyName: string; type: string }[] };
const rulesOf = (target: Function) => storage().getTargetValidationMetadatas(target, undefined, false, false, undefined);
const describeRules = (target: Function) => rulesOf(target).map((rule) => `${rule.propertyName}:${rule.type}`).sort();
const problems = async (cls: new () => object, plain: object) =>
  (await validate(plainToInstance(cls, plain), options)).map((error) => `${error.property}:${Object.keys(error.constraints ?? {}).join(',')}:${error.children?.length ?? 0}`).sort();

const inputs = [{ name: 'ok', count: 1 }, { name: 'too long', count: 'x' }, { name: 'ok', count: 2, inner: { name: 7 } }, { name: 'ok', count: 2, extra: true }, {}];

describe('rememberValidationRules', () => {
  it('finds the same rules and the same problems as class-validator alone, and keeps each lookup', async () => {
    const before = { counted: describeRules(Counted), named: describeRules(Named) };
    const problemsBefore = await Promise.all(inputs.map((input) => problems(Counted, input)));
    expect(before.counted).toEqual(expect.arrayContaining(['name:customValidation', 'count:customValidation', 'inner:nestedValidation']));

    rememberValidationRules();
    rememberValidationRules(); // a second call changes nothing

    expect(describeRules(Counted)).toEqual(before.counted);
    expect(describeRules(Named)).toEqual(before.named);
    expect(rulesOf(Counted)).toBe(rulesOf(Counted));
    expect(await Promise.all(inputs.map((input) => problems(Counted, input)))).toEqual(problemsBefore);
    expect(problemsBefore.filter((found) => found.length > 0)).toHaveLength(4);
  });

  it('sees a rule added after a lookup', async () => {
    rememberValidationRules();
    expect(await problems(Named, { name: 'ab' })).toEqual([]);
    MaxLength(1)(Named.prototype, 'name');
    expect(await problems(Named, { name: 'ab' })).toEqual(['name:maxLength:0']);
    expect(describeRules(Counted).filter((rule) => rule === 'name:customValidation')).toHaveLength(3);
  });

  it('hands out rules that cannot be changed', () => {
    rememberValidationRules();
    expect(() => (rulesOf(Counted) as unknown[]).push({})).toThrow(TypeError);
  });
});
